// Filled by the failure module owner; see ARCHITECTURE.md.
export {};

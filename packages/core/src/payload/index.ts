// Filled by the payload module owner; see ARCHITECTURE.md.
export {};

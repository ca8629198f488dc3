// Filled by the errors module owner; see ARCHITECTURE.md.
export {};

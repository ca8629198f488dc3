// Filled by the schemas module owner; see ARCHITECTURE.md.
export {};

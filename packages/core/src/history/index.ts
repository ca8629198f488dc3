// Filled by the history module owner; see ARCHITECTURE.md.
export {};

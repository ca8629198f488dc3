/**
 * @swirl/client: see ../../../README.md and ARCHITECTURE.md. Filled by its issue.
 */
export {};

/**
 * @swirl/testing: see ../../../README.md and ARCHITECTURE.md. Filled by its issue.
 */
export {};

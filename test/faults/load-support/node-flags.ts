/** The node flags a fault test's child process runs with: TypeScript through tsx, workspace packages from source. */
export const CHILD_NODE_FLAGS: readonly string[] = ['--conditions=swirl-source', '--import', 'tsx'];

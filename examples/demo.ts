/**
 * `pnpm demo`: runs the order-saga example end to end on the embedded local server.
 * The example and its live progress view arrive with issue 7; until then this says so plainly.
 */
process.stderr.write('swirl demo: the order-saga demo is not built yet (issue 7). Run the tests with the README\'s second command.\n');
process.exitCode = 1;

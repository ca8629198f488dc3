/**
 * `pnpm bench`: replay speed, decision-path cost and server throughput (issue 8).
 * The benchmark suites are not written yet; this entry point says so instead of printing numbers.
 */
process.stderr.write('swirl bench: the benchmark suites are not built yet (issue 8).\n');
process.exitCode = 1;

import { SuiteReport, type Suite } from '../../harness/suite.js';
export const memorySuite: Suite = async () => new SuiteReport().result();

import { SuiteReport, type Suite } from '../../harness/suite.js';
export const serverSuite: Suite = async () => new SuiteReport().result();

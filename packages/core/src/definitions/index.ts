export * from './workflow-type.js';
export * from './activity-type.js';

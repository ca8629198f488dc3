/**
 * The History model: SWF history events normalized from wire JSON, indexed and linked by id, and
 * cut into decision batches exactly as the workflow runtime replays them.
 */
export { normalizeHistoryEvent, normalizeHistoryEvents, normalizeParsedHistoryEvent, normalizeTimestamp } from './normalize.js';
export { attributesOf, anyAttributesOf, eventIdOf, isEventOf, HistoryEventError } from './event-attributes.js';
export type { EventAttributes, HistoryEventOf } from './event-attributes.js';
export { LINK_FIELDS, linkTargetType } from './event-links.js';
export type { LinkField } from './event-links.js';
export { History, HistoryLinkError } from './history.js';
export type { EventLinks } from './history.js';
export { DecisionBatcher, toDecisionBatches, isBookkeepingEvent, recordedDecisionCompletedId } from './decision-batches.js';
export type { DecisionBatch } from './decision-batches.js';
export { isCloseEvent } from './close-events.js';

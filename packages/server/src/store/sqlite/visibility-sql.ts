/**
 * SQL for visibility queries. Each query names the composite index that serves its filter and
 * order (INDEXED BY), so the plan does not depend on the planner's guesses or on ANALYZE: equality
 * on (domain, status, filter columns), then a range and the order on (timestamp, run_id), with the
 * page cursor as a row-value bound on the same two columns. A page reads `limit` index entries
 * and `limit` records, whatever the domain holds.
 */
import type { ExecutionFilter, ExecutionOrder, ExecutionPageQuery, TimeRange } from '../execution-query.js';

export interface VisibilitySql {
  sql: string;
  params: Array<string | number>;
}

const TIME_COLUMN = { startTime: 'start_ts', closeTime: 'close_ts' } as const satisfies Record<ExecutionOrder, string>;
const INDEX_SUFFIX = { startTime: 'start', closeTime: 'close' } as const satisfies Record<ExecutionOrder, string>;

/** Which index drives the query: the exclusive filter given, or none. */
function drivingIndex(filter: ExecutionFilter, order: ExecutionOrder): string {
  const suffix = INDEX_SUFFIX[order];
  if (filter.tag !== undefined) return `execution_tags_by_${suffix}`;
  if (filter.workflowId !== undefined) return `executions_by_workflow_id_${suffix}`;
  if (filter.type?.version !== undefined) return `executions_by_type_version_${suffix}`;
  if (filter.type !== undefined) return `executions_by_type_${suffix}`;
  if (filter.closeStatus !== undefined) return `executions_by_close_status_${suffix}`;
  return `executions_by_${suffix}`;
}

/**
 * FROM and WHERE for a filter. With a tag filter the rows come from execution_tags (`v`) joined to
 * their executions (`e`); otherwise `v` and `e` are both the executions table.
 */
function fromWhere(filter: ExecutionFilter, order: ExecutionOrder, needsRecord: boolean): VisibilitySql {
  const byTag = filter.tag !== undefined;
  // A tag count reads the tag index alone unless another filter needs the executions' columns.
  const join = byTag && (needsRecord || filter.type !== undefined || filter.closeStatus !== undefined);
  const from =
    `${byTag ? 'execution_tags' : 'executions'} AS v INDEXED BY ${drivingIndex(filter, order)}` +
    (join ? ' JOIN executions AS e ON e.domain = v.domain AND e.workflow_id = v.workflow_id AND e.run_id = v.run_id' : '');
  const e = byTag ? 'e' : 'v';
  const where: string[] = ['v.domain = ?', 'v.status = ?'];
  const params: Array<string | number> = [filter.domain, filter.status];
  const equal = (column: string, value: string | undefined): void => {
    if (value === undefined) return;
    where.push(`${column} = ?`);
    params.push(value);
  };
  const range = (column: string, window: TimeRange | undefined): void => {
    if (window === undefined) return;
    where.push(`${column} >= ?`);
    params.push(window.oldest);
    if (window.latest !== undefined) {
      where.push(`${column} <= ?`);
      params.push(window.latest);
    }
  };
  equal('v.tag', filter.tag);
  equal('v.workflow_id', filter.workflowId);
  equal(`${e}.type_name`, filter.type?.name);
  equal(`${e}.type_version`, filter.type?.version);
  equal(`${e}.close_status`, filter.closeStatus);
  range('v.start_ts', filter.startTime);
  range('v.close_ts', filter.closeTime);
  return { sql: `FROM ${from} WHERE ${where.join(' AND ')}`, params };
}

/** One page: the runs' ids and records, in order, after the cursor. */
export function pageSql(query: ExecutionPageQuery): VisibilitySql {
  const time = `v.${TIME_COLUMN[query.orderBy]}`;
  const direction = query.descending ? 'DESC' : 'ASC';
  const { sql, params } = fromWhere(query, query.orderBy, true);
  const record = query.tag !== undefined ? 'e.record' : 'v.record';
  let cursor = '';
  if (query.after !== undefined) {
    cursor = ` AND (${time}, v.run_id) ${query.descending ? '<' : '>'} (?, ?)`;
    params.push(query.after[0], query.after[1]);
  }
  params.push(query.limit);
  return {
    sql: `SELECT v.workflow_id, v.run_id, ${record} AS record ${sql}${cursor} ORDER BY ${time} ${direction}, v.run_id ${direction} LIMIT ?`,
    params,
  };
}

/** The count of a filter, through the index of its time filter (a closed count may have only a close-time one). */
export function countSql(filter: ExecutionFilter): VisibilitySql {
  const order: ExecutionOrder = filter.startTime === undefined && filter.closeTime !== undefined ? 'closeTime' : 'startTime';
  const { sql, params } = fromWhere(filter, order, false);
  return { sql: `SELECT COUNT(*) ${sql}`, params };
}

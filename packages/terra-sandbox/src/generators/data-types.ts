/** The data types Terra serves per day, in the order the API documents them. */
export const DATA_TYPES = ['activity', 'sleep', 'daily', 'body', 'nutrition', 'menstruation'] as const;

/** One of {@link DATA_TYPES}. */
export type DataType = (typeof DATA_TYPES)[number];

/** True when `value` names one of {@link DATA_TYPES}. */
export function isDataType(value: unknown): value is DataType {
  return typeof value === 'string' && (DATA_TYPES as readonly string[]).includes(value);
}

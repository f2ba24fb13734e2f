export { type DateInput, type ParsedDate, parseDateInput } from './date-input.js';
export {
  checkChunkDays,
  type DateChunk,
  MAX_DAYS_PER_REQUEST,
  parseDateRange,
  splitDateRange,
} from './date-range.js';

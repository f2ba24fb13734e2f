import { TerraInvalidArgumentError } from '../errors/terra-invalid-argument-error.js';

// '/', '\' (read as '/' by some servers), '?', '#', '%' (a proxy that decodes twice turns %252F into '/').
const FORBIDDEN = /[/\\?#%]/;

function hasControlCharacter(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code < 0x20 || (code >= 0x7f && code <= 0x9f)) return true;
  }
  return false;
}

/**
 * Refuses an id that could be read as anything but one path segment or one query value: an empty one, `.` and `..`
 * (a URL resolves `/workouts/..` to another path), or an id with `/`, `\`, `?`, `#`, `%` or a control
 * character. Terra's ids (UUIDs, numbers) never contain them. Called before any request is built.
 *
 * @throws {@link TerraInvalidArgumentError} naming the argument and the offending character.
 */
export function checkIdSegment(id: string, name: string): string {
  if (id.trim() === '' || id === '.' || id === '..' || FORBIDDEN.test(id) || hasControlCharacter(id)) {
    const shown = JSON.stringify(id.length > 60 ? `${id.slice(0, 60)}…` : id);
    throw new TerraInvalidArgumentError(
      name,
      `${name} must be one Terra id (a UUID or number, as Terra returned it); it cannot be empty, "." or ".." or contain /, \\, ?, #, % or control characters, since it goes into the request URL. Got ${shown}`,
    );
  }
  return id;
}

import type { ImportMapping } from '../../../features/import/targets.js';
import { ApiError, fetchSession } from '../../api.js';
import type { ImportJob, ImportResult, ProgressLine } from './types.js';

/** The CSRF token of the session; the two requests here send a file or read a stream, which api.ts does not. */
async function csrfToken(): Promise<string> {
  return (await fetchSession()).csrfToken;
}

async function errorOf(response: Response): Promise<ApiError> {
  try {
    const data = (await response.json()) as { code?: unknown; message?: unknown; details?: unknown };
    if (typeof data.code === 'string') {
      return new ApiError(
        data.code,
        typeof data.message === 'string' ? data.message : '',
        response.status,
        data.details,
      );
    }
  } catch {
    // not JSON: a proxy's page
  }
  return new ApiError(
    response.status === 413 ? 'request.too_large' : 'internal',
    response.statusText,
    response.status,
  );
}

/** Sends the file itself as the request body. */
export async function uploadFile(file: File): Promise<ImportJob> {
  let response: Response;
  try {
    response = await fetch(`/api/imports?fileName=${encodeURIComponent(file.name)}`, {
      method: 'POST',
      credentials: 'same-origin',
      headers: {
        Accept: 'application/json',
        'Content-Type': file.type || 'application/octet-stream',
        'X-CSRF-Token': await csrfToken(),
      },
      body: file,
    });
  } catch {
    throw new ApiError('network', 'No answer from the server', 0);
  }
  if (!response.ok) throw await errorOf(response);
  return (await response.json()) as ImportJob;
}

/**
 * Imports, reading the answer line by line as it comes: `onLine` sees the start and each step
 * of progress. Resolves with the result; rejects with the error the last line names.
 */
export async function runImport(
  jobId: string,
  body: { mapping: ImportMapping; skipRejected: boolean },
  onLine: (line: ProgressLine) => void,
): Promise<ImportResult> {
  let response: Response;
  try {
    response = await fetch(`/api/imports/${jobId}/apply`, {
      method: 'POST',
      credentials: 'same-origin',
      headers: {
        Accept: 'application/x-ndjson, application/json',
        'Content-Type': 'application/json',
        'X-CSRF-Token': await csrfToken(),
      },
      body: JSON.stringify(body),
    });
  } catch {
    throw new ApiError('network', 'No answer from the server', 0);
  }
  if (!response.ok || !response.body) throw await errorOf(response);

  const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
  let buffer = '';
  let last: ProgressLine | undefined;
  for (;;) {
    let chunk: ReadableStreamReadResult<string>;
    try {
      chunk = await reader.read();
    } catch {
      throw new ApiError('network', 'The answer broke off', 0);
    }
    buffer += chunk.value ?? '';
    const lines = buffer.split('\n');
    buffer = chunk.done ? '' : (lines.pop() ?? '');
    for (const text of lines) {
      if (!text.trim()) continue;
      last = JSON.parse(text) as ProgressLine;
      onLine(last);
    }
    if (chunk.done) break;
  }
  if (last?.type === 'done') return last.result;
  if (last?.type === 'error') throw new ApiError(last.code, last.message, 200, { row: last.row });
  // The connection closed before the end: the server finishes or rolls back on its own.
  throw new ApiError('network', 'The answer broke off', 0);
}

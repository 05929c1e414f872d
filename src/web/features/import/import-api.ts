import type { ImportMapping } from '../../../domain/import-targets.js';
import type { ImportJob, ImportProgressLine, ImportResult } from '../../../features/import/contract.js';
import { ApiError, api, requestHeaders, toApiError } from '../../shared/api.js';

/** Sends the file itself as the request body. */
export function uploadFile(file: File): Promise<ImportJob> {
  return api.post<ImportJob>(`/api/imports?fileName=${encodeURIComponent(file.name)}`, file);
}

/**
 * Imports, reading the answer line by line as it comes: `onLine` sees the start and each step
 * of progress. Resolves with the result; rejects with the error the last line names.
 */
export async function runImport(
  jobId: string,
  body: { mapping: ImportMapping; skipRejected: boolean },
  onLine: (line: ImportProgressLine) => void,
): Promise<ImportResult> {
  let response: Response;
  try {
    response = await fetch(`/api/imports/${jobId}/apply`, {
      method: 'POST',
      credentials: 'same-origin',
      headers: {
        ...requestHeaders('POST', 'application/json'),
        Accept: 'application/x-ndjson, application/json',
      },
      body: JSON.stringify(body),
    });
  } catch {
    throw new ApiError('network', 'No answer from the server', 0);
  }
  if (!response.ok || !response.body)
    throw toApiError(await response.json().catch(() => undefined), response);

  const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
  let buffer = '';
  let last: ImportProgressLine | undefined;
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
      last = JSON.parse(text) as ImportProgressLine;
      onLine(last);
    }
    if (chunk.done) break;
  }
  if (last?.type === 'done') return last.result;
  if (last?.type === 'error') throw new ApiError(last.code, last.message, 200, { row: last.row });
  // The connection closed before the end: the server finishes or rolls back on its own.
  throw new ApiError('network', 'The answer broke off', 0);
}

import { ContentRequestSchema } from './content-request';
import type { GetAnalysisResponse } from './protocol';

/**
 * The overlay's side of `get-analysis`: the request is validated in full before the page is
 * read; a malformed one gets no answer.
 */
export function answerContentRequest(
  request: unknown,
  read: () => GetAnalysisResponse,
): GetAnalysisResponse | undefined {
  return ContentRequestSchema.safeParse(request).success ? read() : undefined;
}

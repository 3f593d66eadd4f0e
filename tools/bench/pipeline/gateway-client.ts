/** Posts NDJSON to the gateway's bulk endpoint; resolves with the time the gateway acknowledged (after Kafka acked). */
export const postBulk = async (baseUrl: string, apiKey: string, lines: readonly string[]): Promise<{ ackedAt: number; accepted: number }> => {
  const response = await fetch(`${baseUrl}/v1/articles:bulk`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-ndjson', 'x-api-key': apiKey },
    body: `${lines.join('\n')}\n`,
  });
  const ackedAt = Date.now();
  const report = (await response.json()) as { accepted?: number };
  if (!response.ok) throw new Error(`gateway answered ${response.status}: ${JSON.stringify(report).slice(0, 300)}`);
  return { ackedAt, accepted: report.accepted ?? 0 };
};

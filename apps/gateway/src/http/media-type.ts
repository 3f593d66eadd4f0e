/**
 * Whether a Content-Type header names the expected media type in UTF-8: parameters other than charset are
 * ignored, and a missing charset means UTF-8 for the JSON family (RFC 8259).
 */
export const isUtf8MediaType = (header: string | undefined, expected: string): boolean => {
  if (header === undefined) return false;
  const [type = '', ...parameters] = header.split(';').map((part) => part.trim().toLowerCase());
  if (type !== expected) return false;
  const charset = parameters.find((p) => p.startsWith('charset='))?.slice('charset='.length).replace(/^"|"$/g, '');
  return charset === undefined || charset === 'utf-8' || charset === 'utf8';
};

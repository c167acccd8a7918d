/**
 * The first message/rfc822 part of a MIME message, as bytes (a forward "as
 * attachment"). mailparser renders such a part into the text when it is marked
 * inline, losing its headers (the `Received` lines the intake needs), so the part is
 * cut out of the raw message here. RFC 2046 §5.2.1 allows only 7bit, 8bit or binary
 * for message/rfc822, so the part's body is the original message as it was.
 */
export function attachedMessage(raw: Buffer): Buffer | null {
  const text = raw.toString('latin1'); // one char per byte: offsets stay byte offsets
  const type = /^content-type:[ \t]*message\/rfc822\b/im.exec(text);
  if (!type) return null;
  // The delimiter line that opened this part is the nearest "--<boundary>" line before it.
  const open = text.lastIndexOf('\n--', type.index);
  if (open < 0) return null;
  const delimiter = text.slice(open + 1, text.indexOf('\n', open + 1)).replace(/\r$/, '').trimEnd();
  if (delimiter.length < 3) return null;
  const headersEnd = /\r?\n\r?\n/g;
  headersEnd.lastIndex = type.index;
  const end = headersEnd.exec(text);
  if (!end) return null;
  const start = end.index + end[0].length;
  const close = text.indexOf(`\n${delimiter}`, start);
  let stop = close < 0 ? text.length : close;
  if (stop > start && text[stop - 1] === '\r') stop -= 1;
  const part = raw.subarray(start, stop);
  return part.length ? part : null;
}

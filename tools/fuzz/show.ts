/** Any JavaScript value as readable source text, for printing an input that failed: unlike JSON it
 * keeps what only the API can pass (BigInt, functions, symbols, undefined, NaN, -0, holes). */
export function show(value: unknown, indent = ''): string {
  switch (typeof value) {
    case 'bigint':
      return `${value}n`;
    case 'function':
      return `(${String(value)})`;
    case 'symbol':
      return `Symbol(${JSON.stringify(value.description ?? '')})`;
    case 'undefined':
      return 'undefined';
    case 'number':
      return Object.is(value, -0) ? '-0' : String(value);
    case 'string':
      // Very long text is shown by what it repeats, not in full.
      return value.length > 200 ? `${JSON.stringify(value.slice(0, 40))} /* …${value.length} chars */` : JSON.stringify(value);
    case 'boolean':
      return String(value);
    default:
      break;
  }
  if (value === null) return 'null';
  const inner = `${indent}  `;
  if (Array.isArray(value)) {
    if (value.length === 0) return '[]';
    const items: string[] = [];
    for (let i = 0; i < value.length; i += 1) items.push(i in value ? show(value[i], inner) : '/* hole */');
    return `[\n${items.map((item) => inner + item).join(',\n')}\n${indent}]`;
  }
  const prototype = Object.getPrototypeOf(value) as unknown;
  if (prototype !== Object.prototype && prototype !== null) return `/* ${(value as object).constructor?.name ?? 'object'} */ ${JSON.stringify(String(value))}`;
  const entries = Object.entries(value as Record<string, unknown>);
  const open = prototype === null ? 'Object.assign(Object.create(null), {' : '{';
  const close = prototype === null ? '})' : '}';
  if (entries.length === 0) return `${open}${close}`;
  return `${open}\n${entries.map(([key, item]) => `${inner}${JSON.stringify(key)}: ${show(item, inner)}`).join(',\n')}\n${indent}${close}`;
}

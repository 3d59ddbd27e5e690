// What the report's sections share: every stored value is text in the page, never markup.

/** `v` as HTML text or an attribute's value: a site name or a revision is whatever was stored. */
export const esc = (v: unknown) =>
  String(v).replace(/[&<>"']/g, (c) => `&${{ '&': 'amp', '<': 'lt', '>': 'gt', '"': 'quot', "'": '#39' }[c]};`)

export const count = (n: number) => n.toLocaleString('en-US')

/**
 * Every Domain and Path a cookie this page sees may have been written with: host-only and each
 * parent domain (not the bare top-level one, which cannot hold cookies), at `/` and each prefix of
 * this page's path. `document.cookie` never says which, and a removal must name both exactly, so
 * a removal tries them all; the browser ignores the ones that do not apply.
 */
export function scopes(host = location.hostname, path = location.pathname): [domain: string | undefined, path: string][] {
  const labels = host.split('.')
  const domains = [undefined, ...labels.slice(0, -1).map((_, i) => '.' + labels.slice(i).join('.'))]
  const paths = ['/']
  let prefix = ''
  for (const segment of path.split('/')) if (segment) paths.push((prefix += '/' + segment), prefix + '/')
  return domains.flatMap((d) => paths.map((p): [string | undefined, string] => [d, p]))
}

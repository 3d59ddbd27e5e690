/**
 * Who serves an embed, from its host (the host itself or any subdomain of it), so a placeholder
 * can say "Content from YouTube". A host not listed is shown as itself.
 */
// Google's and Pinterest's country domains, and nothing longer: `google.evil.example` is not Google.
const TLD = '(com|[a-z]{2}|co\\.[a-z]{2}|com\\.[a-z]{2})'

const PROVIDERS: [host: RegExp, provider: string][] = [
  // youtube-nocookie.com still stores data and contacts Google once the video plays.
  [/(^|\.)(youtube(-nocookie)?\.com|youtu\.be)$/, 'YouTube'],
  [/(^|\.)vimeo\.com$/, 'Vimeo'],
  [new RegExp(`(^|\\.)(maps\\.google\\.${TLD}|maps\\.googleapis\\.com)$`), 'Google Maps'],
  [/(^|\.)spotify\.com$/, 'Spotify'],
  [/(^|\.)(twitter\.com|x\.com|twimg\.com)$/, 'X'],
  [/(^|\.)(instagram\.com|cdninstagram\.com)$/, 'Instagram'],
  [/(^|\.)tiktok\.com$/, 'TikTok'],
  [/(^|\.)soundcloud\.com$/, 'SoundCloud'],
  [/(^|\.)(dailymotion\.com|dai\.ly)$/, 'Dailymotion'],
  [/(^|\.)(facebook\.com|fbcdn\.net)$/, 'Facebook'],
  [/(^|\.)twitch\.tv$/, 'Twitch'],
  [/(^|\.)linkedin\.com$/, 'LinkedIn'],
  [new RegExp(`(^|\\.)pinterest\\.${TLD}$`), 'Pinterest'],
  [/(^|\.)podcasts\.apple\.com$/, 'Apple Podcasts'],
  [/(^|\.)music\.apple\.com$/, 'Apple Music'],
  [/(^|\.)(openstreetmap\.org)$/, 'OpenStreetMap'],
  [/(^|\.)(wistia\.(com|net)|wi\.st)$/, 'Wistia'],
  [/(^|\.)loom\.com$/, 'Loom'],
  [/(^|\.)codepen\.io$/, 'CodePen'],
  [/(^|\.)(calendly\.com)$/, 'Calendly'],
  [/(^|\.)(typeform\.com)$/, 'Typeform'],
  [/(^|\.)(mixcloud\.com)$/, 'Mixcloud'],
  [/(^|\.)(bandcamp\.com)$/, 'Bandcamp'],
  [/(^|\.)(reddit\.com|redditmedia\.com)$/, 'Reddit'],
  [/(^|\.)(giphy\.com)$/, 'GIPHY'],
]

/** A listed provider's name, or undefined. A host's trailing dot names the same host. */
export function knownProvider(url: URL): string | undefined {
  const host = url.hostname.toLowerCase().replace(/\.$/, '')
  // Google Maps also embeds from www.google.com/maps/embed.
  if (new RegExp(`(^|\\.)google\\.${TLD}$`).test(host) && url.pathname.startsWith('/maps')) return 'Google Maps'
  for (const [pattern, provider] of PROVIDERS) if (pattern.test(host)) return provider
  return undefined
}

/**
 * The provider's name, or the host (without `www.`) for one not listed. The URL parser has
 * already turned an international name into its `xn--` form, so a look-alike letter or a bidi
 * control cannot make a host read as another.
 */
export const providerOf = (url: URL): string => knownProvider(url) ?? url.hostname.replace(/^www\./, '')

/**
 * The URL an embed may load, or undefined. `data-src` is markup, possibly hostile: only `http(s):`
 * is loaded, parsed as the browser will (case, spaces and tabs cannot disguise a scheme), since a
 * `javascript:` frame would run in the page's origin and `data:` or `blob:` hide what loads.
 */
export function embedUrl(src: string | null, base: string): URL | undefined {
  if (!src) return
  try {
    const url = new URL(src, base)
    return /^https?:$/.test(url.protocol) ? url : undefined
  } catch {
    return
  }
}

/**
 * Who serves an embed, from its host (the host itself or any subdomain of it), so a placeholder
 * can say "Content from YouTube". A host not listed is shown as itself.
 */
// Google's and Pinterest's country domains, and nothing longer: `google.evil.example` is not Google.
const TLD = '(com|[a-z]{2}|co\\.[a-z]{2}|com\\.[a-z]{2})'

/**
 * Each provider's name and the hosts it serves from, `*` standing for a country domain; a string
 * rather than 25 regular expressions, as it weighs far less in the chunk.
 * youtube-nocookie.com still stores data and contacts Google once the video plays.
 */
const LIST =
  'YouTube:youtube.com youtube-nocookie.com youtu.be|Vimeo:vimeo.com|Google Maps:maps.google.* maps.googleapis.com|Spotify:spotify.com|X:twitter.com x.com twimg.com|Instagram:instagram.com cdninstagram.com|TikTok:tiktok.com|SoundCloud:soundcloud.com|Dailymotion:dailymotion.com dai.ly|Facebook:facebook.com fbcdn.net|Twitch:twitch.tv|LinkedIn:linkedin.com|Pinterest:pinterest.*|Apple Podcasts:podcasts.apple.com|Apple Music:music.apple.com|OpenStreetMap:openstreetmap.org|Wistia:wistia.com wistia.net wi.st|Loom:loom.com|CodePen:codepen.io|Calendly:calendly.com|Typeform:typeform.com|Mixcloud:mixcloud.com|Bandcamp:bandcamp.com|Reddit:reddit.com redditmedia.com|GIPHY:giphy.com'

/** Each listed host or any subdomain of it, and nothing longer: `google.evil.example` is not Google. */
const PROVIDERS = LIST.split('|').map((entry): [host: RegExp, provider: string] => {
  const [provider, hosts] = entry.split(':')
  return [new RegExp(`(^|\\.)(${hosts.replace(/\./g, '\\.').replace(/ /g, '|').replace(/\*/g, TLD)})$`), provider]
})

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

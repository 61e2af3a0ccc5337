package build

// Cache policies of the built files, sent by the server and written into the static
// export's _headers. No "public": nothing here is authenticated, so shared caches may
// store every response anyway (RFC 9111 §3), and REDbot flags it as unnecessary.
const (
	CachePage      = "max-age=300, must-revalidate" // pages and data files: revalidated after five minutes
	CacheImmutable = "max-age=31536000, immutable"  // content-hashed assets (File.Immutable)
)

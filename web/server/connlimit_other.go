//go:build !unix

package server

// MaxConnections is how many connections the server should hold open at once; without
// RLIMIT_NOFILE to read, the cap alone.
func MaxConnections() int { return maxConnectionsCap }

// maxConnectionsCap is the most connections MaxConnections allows.
const maxConnectionsCap = 4096

//go:build unix

package server

import "syscall"

// MaxConnections is how many connections the server should hold open at once: three
// quarters of the process's file-descriptor limit (RLIMIT_NOFILE, which the Go runtime
// raises to its hard limit at start), leaving the rest for the listener, the log and the
// files it reads, and at most 4,096, which bounds memory too (each open connection holds
// a goroutine and its buffers, some 20 KB).
func MaxConnections() int {
	var lim syscall.Rlimit
	if err := syscall.Getrlimit(syscall.RLIMIT_NOFILE, &lim); err != nil || lim.Cur == 0 {
		return maxConnectionsCap
	}
	return int(min(lim.Cur*3/4, maxConnectionsCap))
}

// maxConnectionsCap is the most connections MaxConnections allows.
const maxConnectionsCap = 4096

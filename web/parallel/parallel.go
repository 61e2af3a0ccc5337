// Package parallel runs independent pieces of start-up work (rendering, compressing,
// writing the export) on every CPU.
package parallel

import (
	"runtime"
	"sync"
)

// Each calls the work for every index in [0, n) on runtime.GOMAXPROCS(0) goroutines and
// returns when all are done. newWorker is called once per goroutine, so a worker can keep
// state between calls (a compressor's buffers); work for different indexes must not share
// anything else. Results go in slices indexed by i.
func Each(n int, newWorker func() func(i int)) {
	next := make(chan int)
	var wg sync.WaitGroup
	for w := 0; w < runtime.GOMAXPROCS(0); w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			work := newWorker()
			for i := range next {
				work(i)
			}
		}()
	}
	for i := 0; i < n; i++ {
		next <- i
	}
	close(next)
	wg.Wait()
}

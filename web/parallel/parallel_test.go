package parallel

import (
	"sync/atomic"
	"testing"
)

func TestEachVisitsEveryIndexOnce(t *testing.T) {
	for _, n := range []int{0, 1, 7, 1000} {
		seen := make([]int32, n)
		var workers atomic.Int32
		Each(n, func() func(int) {
			workers.Add(1)
			return func(i int) { atomic.AddInt32(&seen[i], 1) }
		})
		for i, c := range seen {
			if c != 1 {
				t.Fatalf("n=%d: index %d done %d times", n, i, c)
			}
		}
		if workers.Load() == 0 {
			t.Fatalf("n=%d: no worker started", n)
		}
	}
}

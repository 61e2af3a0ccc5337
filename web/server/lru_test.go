package server

import (
	"strconv"
	"testing"
)

// bytesOf sizes the test values: a value of n is n bytes (its key adds one or two).
func bytesOf(n int) int { return n }

func TestLRUDropsTheLeastRecentlyUsed(t *testing.T) {
	c := newLRU(350, bytesOf)
	for _, k := range []string{"a", "b", "c"} {
		c.add(k, 100)
	}
	c.get("a") // b is now the least recently used
	c.add("d", 100)
	for k, want := range map[string]bool{"a": true, "b": false, "c": true, "d": true} {
		if _, ok := c.get(k); ok != want {
			t.Errorf("%s kept = %v, want %v", k, ok, want)
		}
	}
	if bytes, n := c.stats(); bytes > 350 || n != 3 {
		t.Errorf("%d values in %d bytes", n, bytes)
	}
	// A value over the whole budget is kept alone.
	c.add("huge", 1000)
	if _, ok := c.get("huge"); !ok {
		t.Error("the newest value was dropped")
	}
	if _, n := c.stats(); n != 1 {
		t.Errorf("%d values kept beside one over the budget", n)
	}
}

// TestSegmentedLRUKeepsWhatIsAskedForAgain: values asked for a second time survive a flood
// of values asked for once, which push out only each other.
func TestSegmentedLRUKeepsWhatIsAskedForAgain(t *testing.T) {
	c := newSegmentedLRU(1000, 600, bytesOf)
	for i := range 5 {
		k := "popular" + strconv.Itoa(i)
		c.add(k, 98)
		c.get(k) // asked for again: protected
	}
	for i := range 100 {
		c.add("once"+strconv.Itoa(i), 95)
	}
	for i := range 5 {
		if _, ok := c.get("popular" + strconv.Itoa(i)); !ok {
			t.Errorf("popular%d was pushed out by values asked for once", i)
		}
	}
	if _, ok := c.get("once99"); !ok {
		t.Error("the newest value was dropped")
	}
	if _, ok := c.get("once0"); ok {
		t.Error("the oldest value asked for once was kept")
	}
	if bytes, _ := c.stats(); bytes > 1000 {
		t.Errorf("%d bytes kept, budget 1000", bytes)
	}
	// Past its share, the protected values' least recently used goes back on probation.
	for i := 5; i < 8; i++ {
		k := "popular" + strconv.Itoa(i)
		c.add(k, 98)
		c.get(k)
	}
	if c.protBytes > 600 {
		t.Errorf("the protected values hold %d bytes, share 600", c.protBytes)
	}
	if e := c.byKey["popular0"]; e == nil || e.Value.(*lruItem[int]).protected {
		t.Error("the least recently used protected value was not put back on probation")
	}
}

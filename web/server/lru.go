package server

import (
	"container/list"
	"sync"
)

// lru keeps the most recently used values made on request (preview images, filtered
// views) within a byte budget, dropping the least recently used beyond it. With a
// protected share it is a segmented LRU: a value is kept first on probation, and asked
// for again it joins the protected values, which only other protected values push out
// (back to probation); so a flood of values asked for once, such as views of texts
// nobody searches twice, cannot push out those that readers keep asking for. It is safe
// for concurrent use.
type lru[V any] struct {
	maxBytes     int
	protectBytes int         // the most the protected values may hold; 0: a plain LRU
	size         func(V) int // the bytes a value holds

	mu        sync.Mutex
	probation *list.List // of *lruItem[V], most recently used first
	protected *list.List // likewise; empty in a plain LRU
	byKey     map[string]*list.Element
	bytes     int // of every value kept
	protBytes int // of the protected ones
}

type lruItem[V any] struct {
	key       string
	value     V
	bytes     int
	protected bool
}

// newLRU returns a plain LRU within maxBytes.
func newLRU[V any](maxBytes int, size func(V) int) *lru[V] {
	return newSegmentedLRU(maxBytes, 0, size)
}

// newSegmentedLRU returns an LRU within maxBytes, of which values asked for more than
// once may hold protectBytes.
func newSegmentedLRU[V any](maxBytes, protectBytes int, size func(V) int) *lru[V] {
	return &lru[V]{
		maxBytes: maxBytes, protectBytes: protectBytes, size: size,
		probation: list.New(), protected: list.New(), byKey: map[string]*list.Element{},
	}
}

// get returns the value at key, marking it the most recently used (and protecting it).
func (c *lru[V]) get(key string) (V, bool) {
	c.mu.Lock()
	defer c.mu.Unlock()
	e, ok := c.byKey[key]
	if !ok {
		var zero V
		return zero, false
	}
	item := e.Value.(*lruItem[V])
	switch {
	case item.protected:
		c.protected.MoveToFront(e)
	case c.protectBytes > 0:
		c.probation.Remove(e)
		item.protected = true
		c.byKey[key] = c.protected.PushFront(item)
		c.protBytes += item.bytes
		for c.protBytes > c.protectBytes && c.protected.Len() > 1 {
			oldest := c.protected.Remove(c.protected.Back()).(*lruItem[V])
			oldest.protected = false
			c.protBytes -= oldest.bytes
			c.byKey[oldest.key] = c.probation.PushFront(oldest)
		}
	default:
		c.probation.MoveToFront(e)
	}
	return item.value, true
}

// add keeps value at key on probation (unless a value is there already), then drops the
// least recently used values until the cache is within its budget, those on probation
// first; the newest is kept even when it alone is over the budget.
func (c *lru[V]) add(key string, value V) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if _, ok := c.byKey[key]; ok {
		return
	}
	item := &lruItem[V]{key: key, value: value, bytes: c.size(value) + len(key)}
	newest := c.probation.PushFront(item)
	c.byKey[key] = newest
	c.bytes += item.bytes
	for c.bytes > c.maxBytes {
		victim := c.probation.Back()
		if victim == newest {
			victim = c.protected.Back()
		}
		if victim == nil {
			break
		}
		old := victim.Value.(*lruItem[V])
		if old.protected {
			c.protected.Remove(victim)
			c.protBytes -= old.bytes
		} else {
			c.probation.Remove(victim)
		}
		delete(c.byKey, old.key)
		c.bytes -= old.bytes
	}
}

// stats returns the cache's size in bytes and in values.
func (c *lru[V]) stats() (bytes, values int) {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.bytes, len(c.byKey)
}

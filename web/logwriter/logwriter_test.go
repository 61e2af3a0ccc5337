package logwriter

import (
	"bytes"
	"strings"
	"sync"
	"testing"
	"time"
)

// countingWriter counts the writes that reach it, as a stand-in for system calls.
type countingWriter struct {
	mu     sync.Mutex
	buf    bytes.Buffer
	writes int
}

func (c *countingWriter) Write(p []byte) (int, error) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.writes++
	return c.buf.Write(p)
}

func (c *countingWriter) snapshot() (string, int) {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.buf.String(), c.writes
}

func TestLinesAreBatchedAndFlushedOnClose(t *testing.T) {
	out := &countingWriter{}
	w := New(out, time.Hour) // no timed flush during the test
	for range 100 {
		if _, err := w.Write([]byte("a request line\n")); err != nil {
			t.Fatal(err)
		}
	}
	if text, writes := out.snapshot(); writes != 0 || text != "" {
		t.Fatalf("before Close: %d writes, %d bytes reached the output", writes, len(text))
	}
	if err := w.Close(); err != nil {
		t.Fatal(err)
	}
	text, writes := out.snapshot()
	if writes != 1 || strings.Count(text, "\n") != 100 {
		t.Errorf("after Close: %d writes, %d lines; want 1 write of 100 lines", writes, strings.Count(text, "\n"))
	}
	// After Close, lines go straight through (late messages of a shutting-down server).
	_, _ = w.Write([]byte("late\n"))
	if text, _ := out.snapshot(); !strings.HasSuffix(text, "late\n") {
		t.Error("a write after Close was kept in the buffer")
	}
}

func TestLinesAreFlushedAfterTheDelay(t *testing.T) {
	out := &countingWriter{}
	w := New(out, 10*time.Millisecond)
	_, _ = w.Write([]byte("one\n"))
	_, _ = w.Write([]byte("two\n"))
	deadline := time.Now().Add(5 * time.Second)
	for {
		if text, writes := out.snapshot(); text == "one\ntwo\n" {
			if writes != 1 {
				t.Errorf("%d writes for two lines written together, want 1", writes)
			}
			break
		}
		if time.Now().After(deadline) {
			t.Fatal("the lines were not flushed by the timer")
		}
		time.Sleep(5 * time.Millisecond)
	}
	// The timer is re-armed by the next write.
	_, _ = w.Write([]byte("three\n"))
	for {
		if text, _ := out.snapshot(); strings.HasSuffix(text, "three\n") {
			break
		}
		if time.Now().After(deadline) {
			t.Fatal("a line after the first flush was not flushed")
		}
		time.Sleep(5 * time.Millisecond)
	}
}

func TestConcurrentWritersKeepLinesWhole(t *testing.T) {
	out := &countingWriter{}
	w := New(out, time.Millisecond)
	var wg sync.WaitGroup
	line := strings.Repeat("x", 300) + "\n"
	for range 8 {
		wg.Go(func() {
			for range 500 {
				_, _ = w.Write([]byte(line))
			}
		})
	}
	wg.Wait()
	_ = w.Close()
	text, _ := out.snapshot()
	for l := range strings.Lines(text) {
		if l != line {
			t.Fatalf("a line was torn: %.40q", l)
		}
	}
	if strings.Count(text, "\n") != 8*500 {
		t.Errorf("%d lines, want %d", strings.Count(text, "\n"), 8*500)
	}
}

func BenchmarkWrite(b *testing.B) {
	w := New(&countingWriter{}, 50*time.Millisecond)
	line := []byte(`{"time":"2026-12-04T16:00:00Z","level":"INFO","msg":"request","method":"GET","path":"/"}` + "\n")
	b.ReportAllocs()
	for b.Loop() {
		_, _ = w.Write(line)
	}
}

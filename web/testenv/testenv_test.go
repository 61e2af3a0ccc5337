package testenv

import "testing"

func TestCI(t *testing.T) {
	for value, want := range map[string]bool{"true": true, "": false, "1": false, "false": false} {
		t.Setenv("CI", value)
		if got := CI(); got != want {
			t.Errorf("CI=%q: CI() = %v, want %v", value, got, want)
		}
	}
}

func TestMissingSkipsOutsideCI(t *testing.T) {
	t.Setenv("CI", "")
	var skipped bool
	t.Run("missing", func(t *testing.T) {
		defer func() { skipped = t.Skipped() }()
		Missing(t, "no tool here")
	})
	if !skipped {
		t.Error("Missing did not skip outside CI")
	}
}

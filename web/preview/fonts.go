package preview

import (
	"fmt"
	"sync"

	"golang.org/x/image/font"
	"golang.org/x/image/font/gofont/gobold"
	"golang.org/x/image/font/gofont/goregular"
	"golang.org/x/image/font/opentype"
)

// typefaces are the Go fonts the images are set in: two weights, ~300 KB in the binary
// (each further weight costs ~150 KB; Go Medium and Go Mono were left out for that).
type typefaces struct {
	regular, bold *opentype.Font
}

// loadTypefaces parses the fonts on first use, not at start-up: a server that is never
// asked for an image never pays for them. Parsed fonts are safe for concurrent use;
// faces (a font at a size) are not, so each drawing makes its own.
var loadTypefaces = sync.OnceValues(func() (*typefaces, error) {
	var t typefaces
	for _, f := range []struct {
		name string
		ttf  []byte
		dst  **opentype.Font
	}{
		{"Go Regular", goregular.TTF, &t.regular},
		{"Go Bold", gobold.TTF, &t.bold},
	} {
		parsed, err := opentype.Parse(f.ttf)
		if err != nil {
			return nil, fmt.Errorf("parsing %s: %w", f.name, err)
		}
		*f.dst = parsed
	}
	return &t, nil
})

// face is a font at a size in pixels.
func face(f *opentype.Font, px float64) font.Face {
	// NewFace only fails for options it cannot read; these are constant.
	ff, _ := opentype.NewFace(f, &opentype.FaceOptions{Size: px, DPI: 72, Hinting: font.HintingNone})
	return ff
}

package preview

import "sort"

// Set is the cards of one site's images, by the path each image is served at
// (site.PreviewPath). It is built once, with the pages, and only read after that.
type Set map[string]Card

// Paths lists the images' paths, sorted.
func (s Set) Paths() []string {
	out := make([]string, 0, len(s))
	for p := range s {
		out = append(out, p)
	}
	sort.Strings(out)
	return out
}

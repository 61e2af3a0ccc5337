package highlight

import (
	"bytes"
	"fmt"
	"strings"

	"github.com/alecthomas/chroma/v2"
	chromahtml "github.com/alecthomas/chroma/v2/formatters/html"
	"github.com/alecthomas/chroma/v2/styles"
)

// Chroma styles the highlighted code is coloured with: light by default, dark when the
// page is dark.
const (
	LightStyle = "github"
	DarkStyle  = "github-dark"
)

// Stylesheet writes chroma's light style for light pages and its dark style for
// dark pages: the system preference (unless the reader chose otherwise) or an explicit
// data-theme. Each style is scoped to its own theme, so a token colour that one style
// sets and the other leaves to the text colour never leaks across (dark purple on a dark
// background).
func Stylesheet() ([]byte, error) {
	light, dark := styles.Get(LightStyle), styles.Get(DarkStyle)
	if light == nil || dark == nil {
		return nil, fmt.Errorf("chroma styles %q and %q are not available", LightStyle, DarkStyle)
	}
	// The light style's grey for self and cls (#6a737d) is just under 4.5:1 on the code
	// panel (axe's color-contrast); its comments' grey passes.
	light, err := light.Builder().Add(chroma.NameBuiltinPseudo, "#57606a").Build()
	if err != nil {
		return nil, fmt.Errorf("adjusting chroma's %s style: %w", LightStyle, err)
	}
	lightCSS, err := styleCSS(light)
	if err != nil {
		return nil, err
	}
	darkCSS, err := styleCSS(dark)
	if err != nil {
		return nil, err
	}
	var out bytes.Buffer
	out.WriteString("/* Generated from chroma's " + LightStyle + " and " + DarkStyle + " styles. */\n")
	out.WriteString("@media not all and (prefers-color-scheme: dark) {\n")
	out.Write(scope(lightCSS, `:root:not([data-theme="dark"]) `))
	out.WriteString("}\n")
	out.Write(scope(lightCSS, `:root[data-theme="light"] `))
	out.WriteString("@media (prefers-color-scheme: dark) {\n")
	out.Write(scope(darkCSS, `:root:not([data-theme="light"]) `))
	out.WriteString("}\n")
	out.Write(scope(darkCSS, `:root[data-theme="dark"] `))
	return out.Bytes(), nil
}

func styleCSS(style *chroma.Style) ([]byte, error) {
	var buf bytes.Buffer
	if err := chromahtml.New(chromahtml.WithClasses(true)).WriteCSS(&buf, style); err != nil {
		return nil, fmt.Errorf("writing chroma CSS: %w", err)
	}
	return buf.Bytes(), nil
}

// scope prefixes every rule's selector in chroma's one-rule-per-line CSS.
func scope(css []byte, prefix string) []byte {
	var out bytes.Buffer
	for _, line := range strings.Split(string(css), "\n") {
		rule := line
		comment := ""
		if strings.HasPrefix(rule, "/*") {
			if end := strings.Index(rule, "*/"); end >= 0 {
				comment, rule = rule[:end+2]+" ", strings.TrimSpace(rule[end+2:])
			}
		}
		if rule == "" || !strings.Contains(rule, "{") {
			continue
		}
		sel, decl, _ := strings.Cut(rule, "{")
		var scoped []string
		for _, s := range strings.Split(sel, ",") {
			scoped = append(scoped, prefix+strings.TrimSpace(s))
		}
		out.WriteString(comment + strings.Join(scoped, ", ") + " {" + decl + "\n")
	}
	return out.Bytes()
}

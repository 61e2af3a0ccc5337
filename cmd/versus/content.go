package main

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"

	"github.com/versus-dev/versus/content"
	"github.com/versus-dev/versus/web/site"
)

// loadContent loads the embedded content, or the folder dir when it is set. Problems in a
// folder are reported with the folder's path, so they can be opened as written.
func loadContent(dir string) (*site.Site, error) {
	var fsys fs.FS = content.FS
	if dir != "" {
		info, err := os.Stat(dir)
		if err != nil {
			return nil, fmt.Errorf("content folder: %w", err)
		}
		if !info.IsDir() {
			return nil, fmt.Errorf("content folder %s is not a folder", dir)
		}
		fsys = os.DirFS(dir)
	}
	s, err := site.Load(fsys)
	var verr *site.ValidationError
	if errors.As(err, &verr) && dir != "" {
		for i := range verr.Problems {
			verr.Problems[i].File = filepath.Join(dir, verr.Problems[i].File)
		}
	}
	if err != nil {
		return nil, err
	}
	return s, nil
}

// contentName says where content comes from, for messages.
func contentName(dir string) string {
	if dir == "" {
		return "the embedded content"
	}
	return dir
}

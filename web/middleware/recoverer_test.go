package middleware

import (
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
)

func TestRecovererHandsThePanicToAnswer(t *testing.T) {
	var gotValue any
	var gotStack string
	h := Recoverer(func(w http.ResponseWriter, r *http.Request, value any, stack []byte) {
		gotValue, gotStack = value, string(stack)
		w.WriteHeader(http.StatusInternalServerError)
	})(http.HandlerFunc(func(http.ResponseWriter, *http.Request) { panic("boom") }))
	w := httptest.NewRecorder()
	h.ServeHTTP(w, httptest.NewRequest(http.MethodGet, "/", nil))
	if w.Code != http.StatusInternalServerError || gotValue != "boom" || !strings.Contains(gotStack, "recoverer_test.go") {
		t.Errorf("status %d, value %v, stack %.200s", w.Code, gotValue, gotStack)
	}
}

func TestRecovererPassesErrAbortHandlerOn(t *testing.T) {
	h := Recoverer(func(http.ResponseWriter, *http.Request, any, []byte) {
		t.Error("answer called for http.ErrAbortHandler")
	})(http.HandlerFunc(func(http.ResponseWriter, *http.Request) { panic(http.ErrAbortHandler) }))
	defer func() {
		if v := recover(); v != http.ErrAbortHandler {
			t.Errorf("recovered %v, want http.ErrAbortHandler", v)
		}
	}()
	h.ServeHTTP(httptest.NewRecorder(), httptest.NewRequest(http.MethodGet, "/", nil))
}

// Command yamljson reads a manifest stream on stdin the way kubectl does and prints what kubectl would send, as
// JSON, for the differential test of our YAML reader (integration-tests/differential/yaml.test.ts).
//
// The reading follows kubectl's file visitor (k8s.io/cli-runtime pkg/resource/visitor.go: FileVisitor and
// StreamVisitor): a UTF-8/UTF-16 byte-order mark is honoured and dropped, k8s.io/apimachinery's
// YAMLOrJSONDecoder splits the stream into documents and converts each through sigs.k8s.io/yaml (go-yaml v2
// semantics), and empty or null documents are skipped. Output: {"documents":[...],"error":"..."}; kubectl stops
// at the first error, so do we.
package main

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"strings"

	"golang.org/x/text/encoding/unicode"
	"golang.org/x/text/transform"
	"k8s.io/apimachinery/pkg/util/yaml"
)

type result struct {
	Documents []json.RawMessage `json:"documents"`
	Error     *string           `json:"error"`
}

// read decodes one stream as kubectl's StreamVisitor does.
func read(r io.Reader) result {
	input := transform.NewReader(r, unicode.BOMOverride(unicode.UTF8.NewDecoder()))
	decoder := yaml.NewYAMLOrJSONDecoder(input, 4096)
	out := result{Documents: []json.RawMessage{}}
	for {
		var raw json.RawMessage
		err := decoder.Decode(&raw)
		if errors.Is(err, io.EOF) {
			return out
		}
		if err != nil {
			msg := err.Error()
			out.Error = &msg
			return out
		}
		raw = bytes.TrimSpace(raw)
		if len(raw) == 0 || bytes.Equal(raw, []byte("null")) {
			continue
		}
		out.Documents = append(out.Documents, raw)
	}
}

// With -batch, stdin is a JSON array of streams and the output an array of results (one process for many cases).
func main() {
	var out any
	if len(os.Args) > 1 && os.Args[1] == "-batch" {
		var streams []string
		if err := json.NewDecoder(os.Stdin).Decode(&streams); err != nil {
			fmt.Fprintln(os.Stderr, "yamljson -batch: stdin must be a JSON array of strings:", err)
			os.Exit(2)
		}
		results := make([]result, len(streams))
		for i, s := range streams {
			results[i] = read(strings.NewReader(s))
		}
		out = results
	} else {
		out = read(os.Stdin)
	}
	if err := json.NewEncoder(os.Stdout).Encode(out); err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
}

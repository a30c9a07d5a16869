// The GoBGP side of `npm run bench:compare` (bench/compare.mjs): reads the project's samples as
// JSON on stdin ([{"family","afi","safi","hex"}, ...]), and for every sample GoBGP decodes times
//   decode  bytes → GoBGP's NLRI value (v4: bgp.NLRIFromSlice; v3: NewPrefixFromRouteFamily + DecodeFromBytes)
//   encode  that value → bytes (Serialize)
// with testing.Benchmark, and prints one JSON line per sample and library: ns/op, B/op, allocs/op.
// A sample GoBGP refuses or re-encodes differently is reported with "error" and not timed.
package main

import (
	"bytes"
	"encoding/hex"
	"encoding/json"
	"flag"
	"fmt"
	"os"
	"testing"

	bgp3 "github.com/osrg/gobgp/v3/pkg/packet/bgp"
	bgp4 "github.com/osrg/gobgp/v4/pkg/packet/bgp"
)

type sample struct {
	Family string `json:"family"`
	Afi    uint16 `json:"afi"`
	Safi   uint8  `json:"safi"`
	Hex    string `json:"hex"`
}

type result struct {
	Index  int     `json:"index"`
	Lib    string  `json:"lib"`
	Op     string  `json:"op"`
	Ns     float64 `json:"ns"`
	Bytes  int64   `json:"bytes"`
	Allocs int64   `json:"allocs"`
	Error  string  `json:"error,omitempty"`
}

type codec struct {
	lib    string
	decode func(s sample, b []byte) (func() ([]byte, error), error)
}

var codecs = []codec{
	{"gobgp-v4.8.0", func(s sample, b []byte) (func() ([]byte, error), error) {
		f := bgp4.NewFamily(s.Afi, s.Safi)
		n, err := bgp4.NLRIFromSlice(f, b)
		if err != nil {
			return nil, err
		}
		return func() ([]byte, error) { return n.Serialize() }, nil
	}},
	{"gobgp-v3.37.0", func(s sample, b []byte) (func() ([]byte, error), error) {
		n, err := bgp3.NewPrefixFromRouteFamily(s.Afi, s.Safi)
		if err != nil {
			return nil, err
		}
		if err := n.DecodeFromBytes(b); err != nil {
			return nil, err
		}
		return func() ([]byte, error) { return n.Serialize() }, nil
	}},
}

var sinkErr error

func main() {
	benchtime := flag.String("benchtime", "100ms", "time per measurement (testing's -benchtime)")
	testing.Init()
	flag.Parse()
	if err := flag.Set("test.benchtime", *benchtime); err != nil {
		panic(err)
	}
	var samples []sample
	if err := json.NewDecoder(os.Stdin).Decode(&samples); err != nil {
		fmt.Fprintln(os.Stderr, "compare:", err)
		os.Exit(2)
	}
	out := json.NewEncoder(os.Stdout)
	for i, s := range samples {
		b, err := hex.DecodeString(s.Hex)
		if err != nil {
			panic(err)
		}
		for _, c := range codecs {
			enc, err := safeDecode(c, s, b)
			if err == nil {
				var got []byte
				got, err = enc()
				if err == nil && !bytes.Equal(got, b) {
					err = fmt.Errorf("re-encodes to %X", got)
				}
			}
			if err != nil {
				out.Encode(result{Index: i, Lib: c.lib, Op: "decode", Error: err.Error()})
				continue
			}
			d := testing.Benchmark(func(tb *testing.B) {
				tb.ReportAllocs()
				for k := 0; k < tb.N; k++ {
					_, sinkErr = c.decode(s, b)
				}
			})
			// The decode benchmark of v3 includes NewPrefixFromRouteFamily (the empty value to decode
			// into), v4's includes the family switch: both are what a caller does per NLRI.
			out.Encode(result{Index: i, Lib: c.lib, Op: "decode", Ns: float64(d.T.Nanoseconds()) / float64(d.N), Bytes: d.AllocedBytesPerOp(), Allocs: d.AllocsPerOp()})
			e := testing.Benchmark(func(tb *testing.B) {
				tb.ReportAllocs()
				for k := 0; k < tb.N; k++ {
					_, sinkErr = enc()
				}
			})
			out.Encode(result{Index: i, Lib: c.lib, Op: "encode", Ns: float64(e.T.Nanoseconds()) / float64(e.N), Bytes: e.AllocedBytesPerOp(), Allocs: e.AllocsPerOp()})
		}
	}
}

// GoBGP panics on some inputs; a panic is a refusal here.
func safeDecode(c codec, s sample, b []byte) (enc func() ([]byte, error), err error) {
	defer func() {
		if r := recover(); r != nil {
			err = fmt.Errorf("panic: %v", r)
		}
	}()
	enc, err = c.decode(s, b)
	if err == nil {
		_, err = enc()
	}
	return enc, err
}

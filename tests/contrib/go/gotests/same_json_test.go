// sameJSON, for the live tests: whether a reply encodes back to the same JSON value.
package qmp

import (
	"bytes"
	"encoding/json"
	"math/big"
	"reflect"
)

// sameJSON reports whether a and b are the same JSON value (numbers compared by value).
func sameJSON(a, b []byte) bool {
	var x, y any
	if decodeNumbers(a, &x) != nil || decodeNumbers(b, &y) != nil {
		return false
	}
	return sameValue(x, y)
}

func decodeNumbers(data []byte, v *any) error {
	decoder := json.NewDecoder(bytes.NewReader(data))
	decoder.UseNumber()
	return decoder.Decode(v)
}

func sameValue(x, y any) bool {
	switch x := x.(type) {
	case json.Number:
		y, ok := y.(json.Number)
		if !ok {
			return false
		}
		a, _, errA := big.ParseFloat(string(x), 10, 200, big.ToNearestEven)
		b, _, errB := big.ParseFloat(string(y), 10, 200, big.ToNearestEven)
		return errA == nil && errB == nil && a.Cmp(b) == 0
	case map[string]any:
		y, ok := y.(map[string]any)
		if !ok || len(x) != len(y) {
			return false
		}
		for key, value := range x {
			other, found := y[key]
			if !found || !sameValue(value, other) {
				return false
			}
		}
		return true
	case []any:
		y, ok := y.([]any)
		if !ok || len(x) != len(y) {
			return false
		}
		for i := range x {
			if !sameValue(x[i], y[i]) {
				return false
			}
		}
		return true
	}
	return reflect.DeepEqual(x, y)
}

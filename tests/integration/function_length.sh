#!/usr/bin/env bash
# No function outside tests is longer than 80 lines (issue "One place for each thing"): a
# longer one is doing several things, and each wants a name. scripts/function_lengths.py asks
# Universal Ctags where each function is, so ctags missing is a failure, not a pass.
source "$(dirname "$0")/common.sh"
command -v ctags >/dev/null || fail "ctags not found: install universal-ctags (setup-deps.sh)"
ctags --version | grep -q "Universal Ctags" || fail "ctags is not Universal Ctags (setup-deps.sh)"

# The check itself can fail, on each shape of definition: shape SHAPE LENGTH writes
# $WORK/SHAPE.cpp holding one function of LENGTH lines, from its signature's first line
# (always line 3: lines 1-2 are what some shapes need before it) to its closing brace.
body() { for i in $(seq "$1"); do echo "  f($i);"; done; }
shape() {
  local n=$2
  {
    echo "#include <vector>"
    case $1 in
    plain) echo "void f(int);" && echo "int plain() {" && body $((n - 2)) && echo "}" ;;
    wrapped) # return type, name and parameters on three lines
      echo "void f(int);" && echo "static std::vector<int>" && echo "wrapped(int a," &&
        echo "        int b) {" && body $((n - 4)) && echo "}" ;;
    inside) # a member defined in its class body
      echo "struct A {" && echo "  int inside() {" && body $((n - 2)) && echo "  }" && echo "};" ;;
    outside) # a member defined after its class
      echo "struct B { int outside(); void f(int); };" && echo "int B::outside() {" &&
        body $((n - 2)) && echo "}" ;;
    template)
      echo "void f(int);" && echo "template <class T>" && echo "T tmpl(T x) {" &&
        body $((n - 3)) && echo "}" ;;
    namespaced) # in a namespace, its body two lambdas
      echo "namespace n {" && echo "int lambdas() {" && echo "  auto a = [](int x) {" &&
        body $((n - 7)) && echo "    return x;" && echo "  };" &&
        echo "  auto b = [&](int y) { return a(y); };" && echo "  return b(1);" && echo "}" &&
        echo "}  // namespace n" ;;
    esac
  } >"$WORK/$1.cpp"
}
declare -A name=([plain]=plain [wrapped]=wrapped [inside]=A::inside [outside]=B::outside
  [template]=tmpl [namespaced]=n::lambdas)
for s in "${!name[@]}"; do
  shape "$s" 80
  /usr/bin/python3 "$SRC/scripts/function_lengths.py" 80 "$WORK/$s.cpp" >"$WORK/out" ||
    fail "$s: an 80-line function was called long: $(cat "$WORK/out")"
  shape "$s" 81
  /usr/bin/python3 "$SRC/scripts/function_lengths.py" 80 "$WORK/$s.cpp" >"$WORK/out" &&
    fail "$s: an 81-line function went unseen"
  expected="$WORK/$s.cpp:3: ${name[$s]} is 81 lines (limit 80)"
  [[ $(cat "$WORK/out") == "$expected" ]] || fail "$s: wanted '$expected', got: $(cat "$WORK/out")"
  echo "ok: $s: 80 lines pass, 81 are found"
done

mapfile -t files < <(find "$SRC/src" -name '*.cpp' -o -name '*.hpp' -o -name '*.cc')
/usr/bin/python3 "$SRC/scripts/function_lengths.py" 80 "${files[@]}" ||
  fail "functions over 80 lines"
echo "ok: ${#files[@]} files, no function over 80 lines"

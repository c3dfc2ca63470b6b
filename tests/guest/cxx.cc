// C++ and libstdc++: exceptions thrown through several frames and caught by
// type (the unwinder reads .eh_frame and restores registers), destructors
// run during unwinding, rethrow, std::sort with a lambda, std::map, strings,
// virtual calls, iostream formatting.
#include <algorithm>
#include <iomanip>
#include <iostream>
#include <map>
#include <memory>
#include <numeric>
#include <sstream>
#include <stdexcept>
#include <string>
#include <vector>

static int live_guards;

struct guard {
    std::string name;
    explicit guard(std::string n) : name(std::move(n)) { live_guards++; }
    ~guard()
    {
        live_guards--;
        std::cout << "  ~guard(" << name << ")\n";
    }
};

struct custom_error : std::runtime_error {
    int code;
    custom_error(const std::string &what, int c) : std::runtime_error(what), code(c) {}
};

static int thrower(int depth, int kind)
{
    guard g("depth " + std::to_string(depth));
    if (depth > 0)
        return thrower(depth - 1, kind) + 1;
    switch (kind) {
    case 0: throw std::out_of_range("index 7 out of range");
    case 1: throw custom_error("custom", 42);
    case 2: throw 3.5;
    case 3: return std::vector<int>(3).at(10);
    default: return 0;
    }
}

struct shape {
    virtual ~shape() = default;
    virtual double area() const = 0;
    virtual std::string name() const = 0;
};
struct rect : shape {
    double w, h;
    rect(double a, double b) : w(a), h(b) {}
    double area() const override { return w * h; }
    std::string name() const override { return "rect"; }
};
struct circle : shape {
    double r;
    explicit circle(double a) : r(a) {}
    double area() const override { return 3.14159265358979 * r * r; }
    std::string name() const override { return "circle"; }
};

int main()
{
    for (int kind = 0; kind < 5; kind++) {
        try {
            int r = thrower(3, kind);
            std::cout << "kind " << kind << " returned " << r << "\n";
        } catch (const custom_error &e) {
            std::cout << "custom_error " << e.what() << " code " << e.code << "\n";
        } catch (const std::logic_error &e) {
            std::cout << "logic_error: " << e.what() << "\n";
        } catch (double d) {
            std::cout << "double " << d << "\n";
        }
        std::cout << "live guards " << live_guards << "\n";
    }
    try {
        try {
            throw std::runtime_error("inner");
        } catch (const std::exception &e) {
            std::cout << "caught " << e.what() << ", rethrowing\n";
            throw;
        }
    } catch (...) {
        std::cout << "caught rethrown exception\n";
    }

    std::vector<int> v(5000);
    unsigned x = 1;
    for (auto &e : v) {
        x = x * 1664525u + 1013904223u;
        e = int(x >> 12) % 10000;
    }
    std::sort(v.begin(), v.end(), [](int a, int b) { return a % 100 < b % 100 || (a % 100 == b % 100 && a < b); });
    std::cout << "sorted: " << v.front() << " " << v[2500] << " " << v.back() << " sum "
              << std::accumulate(v.begin(), v.end(), 0LL) << "\n";
    std::stable_sort(v.begin(), v.end());
    auto last = std::unique(v.begin(), v.end());
    std::cout << "distinct " << (last - v.begin()) << "\n";

    std::map<std::string, int> counts;
    std::istringstream text("the cat and the dog and the bird saw the cat");
    for (std::string w; text >> w;)
        counts[w]++;
    for (const auto &[word, n] : counts)
        std::cout << word << "=" << n << " ";
    std::cout << "\n";

    std::vector<std::unique_ptr<shape>> shapes;
    shapes.push_back(std::make_unique<rect>(3, 4.5));
    shapes.push_back(std::make_unique<circle>(2));
    shapes.push_back(std::make_unique<rect>(0.5, 0.25));
    for (const auto &s : shapes)
        std::cout << s->name() << " " << std::fixed << std::setprecision(3) << s->area() << "\n";

    std::cout << std::hex << std::showbase << 255 << " " << std::oct << 8 << std::dec << " "
              << std::scientific << std::setprecision(4) << 12345.678 << " "
              << std::setw(8) << std::setfill('*') << std::left << "ab" << "|\n";
    std::string s = "Hello, World";
    std::transform(s.begin(), s.end(), s.begin(), ::toupper);
    std::cout << s << " " << s.find("WORLD") << " " << s.substr(0, 5) << "\n";
    return 0;
}

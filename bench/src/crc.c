/* crc: checksums over a buffer: table-driven CRC-32 (byte loads, table
 * lookups, shifts) and SHA-256 (32-bit rotates and adds: the W instructions
 * of RV64), ROUNDS times over a pseudo-random buffer.
 * Usage: crc [BUFFER_BYTES [ROUNDS]] */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static uint32_t crc_table[256];

static void crc32_init(void)
{
    for (uint32_t i = 0; i < 256; i++) {
        uint32_t c = i;
        for (int k = 0; k < 8; k++)
            c = c & 1 ? 0xedb88320u ^ (c >> 1) : c >> 1;
        crc_table[i] = c;
    }
}

static uint32_t crc32(uint32_t crc, const uint8_t *p, size_t n)
{
    crc = ~crc;
    for (size_t i = 0; i < n; i++)
        crc = crc_table[(crc ^ p[i]) & 0xff] ^ (crc >> 8);
    return ~crc;
}

struct sha256 {
    uint32_t h[8];
    uint64_t bytes;
    uint8_t block[64];
};

static const uint32_t sha_k[64] = {
    0x428a2f98, 0x71374491, 0xb5c0fbcf, 0xe9b5dba5, 0x3956c25b, 0x59f111f1, 0x923f82a4,
    0xab1c5ed5, 0xd807aa98, 0x12835b01, 0x243185be, 0x550c7dc3, 0x72be5d74, 0x80deb1fe,
    0x9bdc06a7, 0xc19bf174, 0xe49b69c1, 0xefbe4786, 0x0fc19dc6, 0x240ca1cc, 0x2de92c6f,
    0x4a7484aa, 0x5cb0a9dc, 0x76f988da, 0x983e5152, 0xa831c66d, 0xb00327c8, 0xbf597fc7,
    0xc6e00bf3, 0xd5a79147, 0x06ca6351, 0x14292967, 0x27b70a85, 0x2e1b2138, 0x4d2c6dfc,
    0x53380d13, 0x650a7354, 0x766a0abb, 0x81c2c92e, 0x92722c85, 0xa2bfe8a1, 0xa81a664b,
    0xc24b8b70, 0xc76c51a3, 0xd192e819, 0xd6990624, 0xf40e3585, 0x106aa070, 0x19a4c116,
    0x1e376c08, 0x2748774c, 0x34b0bcb5, 0x391c0cb3, 0x4ed8aa4a, 0x5b9cca4f, 0x682e6ff3,
    0x748f82ee, 0x78a5636f, 0x84c87814, 0x8cc70208, 0x90befffa, 0xa4506ceb, 0xbef9a3f7,
    0xc67178f2,
};

static uint32_t ror(uint32_t x, int n)
{
    return x >> n | x << (32 - n);
}

static void sha256_block(struct sha256 *s, const uint8_t *p)
{
    uint32_t w[64];
    for (int i = 0; i < 16; i++)
        w[i] = (uint32_t)p[4 * i] << 24 | (uint32_t)p[4 * i + 1] << 16 |
               (uint32_t)p[4 * i + 2] << 8 | p[4 * i + 3];
    for (int i = 16; i < 64; i++) {
        uint32_t s0 = ror(w[i - 15], 7) ^ ror(w[i - 15], 18) ^ (w[i - 15] >> 3);
        uint32_t s1 = ror(w[i - 2], 17) ^ ror(w[i - 2], 19) ^ (w[i - 2] >> 10);
        w[i] = w[i - 16] + s0 + w[i - 7] + s1;
    }
    uint32_t a = s->h[0], b = s->h[1], c = s->h[2], d = s->h[3];
    uint32_t e = s->h[4], f = s->h[5], g = s->h[6], h = s->h[7];
    for (int i = 0; i < 64; i++) {
        uint32_t t1 = h + (ror(e, 6) ^ ror(e, 11) ^ ror(e, 25)) + ((e & f) ^ (~e & g)) +
                      sha_k[i] + w[i];
        uint32_t t2 = (ror(a, 2) ^ ror(a, 13) ^ ror(a, 22)) + ((a & b) ^ (a & c) ^ (b & c));
        h = g;
        g = f;
        f = e;
        e = d + t1;
        d = c;
        c = b;
        b = a;
        a = t1 + t2;
    }
    s->h[0] += a, s->h[1] += b, s->h[2] += c, s->h[3] += d;
    s->h[4] += e, s->h[5] += f, s->h[6] += g, s->h[7] += h;
}

static void sha256(const uint8_t *p, size_t n, uint8_t out[32])
{
    struct sha256 s = {{0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a, 0x510e527f,
                        0x9b05688c, 0x1f83d9ab, 0x5be0cd19},
                       n,
                       {0}};
    size_t i = 0;
    for (; i + 64 <= n; i += 64)
        sha256_block(&s, p + i);
    size_t rest = n - i;
    memcpy(s.block, p + i, rest);
    s.block[rest++] = 0x80;
    if (rest > 56) {
        memset(s.block + rest, 0, 64 - rest);
        sha256_block(&s, s.block);
        rest = 0;
    }
    memset(s.block + rest, 0, 56 - rest);
    for (int k = 0; k < 8; k++)
        s.block[56 + k] = (uint8_t)(s.bytes * 8 >> (56 - 8 * k));
    sha256_block(&s, s.block);
    for (int k = 0; k < 32; k++)
        out[k] = (uint8_t)(s.h[k / 4] >> (24 - 8 * (k % 4)));
}

int main(int argc, char **argv)
{
    size_t n = argc > 1 ? strtoul(argv[1], NULL, 10) : 4u << 20;
    int rounds = argc > 2 ? atoi(argv[2]) : 12;
    uint8_t *buf = malloc(n + 1);
    if (!buf)
        abort();
    crc32_init();
    uint64_t x = 88172645463325252u;
    for (size_t i = 0; i < n; i++) {
        x ^= x << 13, x ^= x >> 7, x ^= x << 17;
        buf[i] = (uint8_t)(x >> 32);
    }
    /* The standard check value first, so a broken CRC is obvious. */
    printf("crc32(\"123456789\") = %08x\n", crc32(0, (const uint8_t *)"123456789", 9));
    uint8_t digest[32];
    sha256((const uint8_t *)"abc", 3, digest);
    printf("sha256(\"abc\") = ");
    for (int k = 0; k < 32; k++)
        printf("%02x", digest[k]);
    printf("\n");
    uint32_t crc = 0;
    for (int r = 0; r < rounds; r++) {
        buf[(size_t)r * 7919 % n] ^= (uint8_t)(r + 1);
        crc = crc32(crc, buf, n);
        sha256(buf, n, digest);
        printf("crc round %d: crc32 %08x sha256 ", r, crc);
        for (int k = 0; k < 32; k++)
            printf("%02x", digest[k]);
        printf("\n");
    }
    return 0;
}

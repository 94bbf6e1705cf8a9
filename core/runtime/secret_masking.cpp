#include "core/runtime/secret_masking.h"

#include <QRegularExpression>

namespace vigil::runtime {

namespace {

struct Rule
{
    QRegularExpression pattern;
    QString replacement;
};

const std::vector<Rule>& rules()
{
    static const std::vector<Rule> kRules = [] {
        const auto ci = QRegularExpression::CaseInsensitiveOption;
        std::vector<Rule> r;
        // scheme://user:password@host -> scheme://user:***@host
        r.push_back(
                {QRegularExpression(
                         QStringLiteral(R"re(([a-z][a-z0-9+.-]*://[^/\s:@]*):[^@\s/]*@)re"), ci),
                        QStringLiteral("\\1:***@")});
        // password=secret (query strings, form bodies, key=value logs)
        r.push_back(
                {QRegularExpression(
                         QStringLiteral(
                                 R"re(\b((?:password|passwd|pwd|pass|secret|token)\s*[=:]\s*)([^&\s,;"']+))re"),
                         ci),
                        QStringLiteral("\\1***")});
        // "password": "secret" (JSON)
        r.push_back({QRegularExpression(
                             QStringLiteral(
                                     R"re(("(?:password|passwd|secret|token)"\s*:\s*)"[^"]*")re"),
                             ci),
                QStringLiteral("\\1\"***\"")});
        // <wsse:Password Type="...">digest</wsse:Password>, <Nonce>…</Nonce>
        r.push_back({QRegularExpression(
                             QStringLiteral(
                                     R"re((<(?:[\w-]+:)?(?:Password|Nonce)\b[^>]*>)[^<]*(</))re"),
                             ci),
                QStringLiteral("\\1***\\2")});
        // Authorization: Digest username="x", response="…"  /  Basic dXNlcjpwdw==
        r.push_back(
                {QRegularExpression(
                         QStringLiteral(R"re(((?:proxy-)?authorization\s*:\s*\w+)\s+[^\r\n]*)re"),
                         ci),
                        QStringLiteral("\\1 ***")});
        return r;
    }();
    return kRules;
}

} // namespace

QString maskSecrets(const QString& text)
{
    QString out = text;
    for (const Rule& rule : rules())
        out.replace(rule.pattern, rule.replacement);
    return out;
}

} // namespace vigil::runtime

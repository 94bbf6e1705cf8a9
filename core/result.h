#pragma once

#include <QString>

#include <utility>
#include <variant>

namespace vigil {

/// An error carried as a value up to the UI boundary (STYLE.md §11). `message` is already
/// translated and is what a clerk sees; `detail` is technical text (driver or OS messages) for
/// the log and for a "Details" section.
struct Error
{
    enum class Code {
        Unknown,
        InvalidArgument,
        NotWritable,
        Locked,
        Busy,
        Corrupt,
        NotACatalog,
        NewerSchema,
        MigrationFailed,
        Database,
        NotFound,
        Io,
        Unreachable, ///< nothing answers at the address
        Timeout,
        AuthenticationFailed, ///< wrong user name or password
        Unsupported, ///< the device does not offer the operation
        Protocol, ///< it answers, but not as expected (not ONVIF, broken XML …)
        PermissionDenied, ///< the operating system refuses this user
        Forbidden, ///< Vigil refuses: the user's role or camera access does not allow it
        Cancelled, ///< the user stopped it
    };

    Code code = Code::Unknown;
    QString message;
    QString detail;

    /// The message followed by the detail, for logs and command-line output.
    QString fullText() const
    {
        return detail.isEmpty() ? message : message + QLatin1String(" (") + detail + u')';
    }
};

/// Either a value or an Error, in the spirit of std::expected (C++23) and Qt's QMaybe.
template<typename T>
class [[nodiscard]] Result
{
public:
    Result(T value)
        : m_data(std::in_place_index<0>, std::move(value))
    { }
    Result(Error error)
        : m_data(std::in_place_index<1>, std::move(error))
    { }

    bool ok() const { return m_data.index() == 0; }
    explicit operator bool() const { return ok(); }

    T& value() & { return std::get<0>(m_data); }
    const T& value() const& { return std::get<0>(m_data); }
    T&& value() && { return std::get<0>(std::move(m_data)); }
    T* operator->() { return &value(); }
    const T* operator->() const { return &value(); }

    const Error& error() const { return std::get<1>(m_data); }

private:
    std::variant<T, Error> m_data;
};

template<>
class [[nodiscard]] Result<void>
{
public:
    Result() = default;
    Result(Error error)
        : m_error(std::move(error))
        , m_ok(false)
    { }

    bool ok() const { return m_ok; }
    explicit operator bool() const { return m_ok; }
    const Error& error() const { return m_error; }

private:
    Error m_error;
    bool m_ok = true;
};

} // namespace vigil

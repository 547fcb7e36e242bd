#pragma once

#include "core/PaymentState.h"

#include <QStringList>
#include <QStringView>

#include <cstddef>

// A provider's status strings and what each means for a sale, as data. Each response parser
// keeps one constexpr table of Entry rows and maps with it; a string not in the table is
// `known == false` (state Unknown), and what that means is the parser's to say.
class StatusTable
{
public:
    struct Entry
    {
        const char *name;   // the provider's status string, compared exactly
        PaymentState state; // what it means for the sale
        bool paid;          // the provider says the money was taken
    };

    struct Mapping
    {
        PaymentState state = PaymentState::Unknown;
        bool known = false;
        bool paid = false;
    };

    template<std::size_t N>
    constexpr StatusTable(const Entry (&entries)[N]) : m_entries(entries), m_count(N)
    {
    }

    // The row named `rawStatus`, or an unknown Mapping.
    Mapping map(QStringView rawStatus) const;
    // Every status string in table order.
    QStringList names() const;

private:
    const Entry *m_entries;
    std::size_t m_count;
};

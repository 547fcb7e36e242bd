#pragma once

#include <QColor>
#include <QLabel>

// A label on a rounded, coloured background: the DEMO banner and the messages next to a field.
// Painted directly rather than with a style sheet, which costs the window's first frame about
// a millisecond to set up.
class Badge final : public QLabel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(Badge)

public:
    explicit Badge(QWidget *parent = nullptr);
    ~Badge() override;

    void setColors(const QColor &background, const QColor &text);

protected:
    void paintEvent(QPaintEvent *event) override;

private:
    QColor m_background;
};

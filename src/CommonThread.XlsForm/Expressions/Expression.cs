namespace CommonThread.XlsForm.Expressions;

/// <summary>What an expression reads while it is evaluated: other questions' answers, its own ("."), the day and the moment.</summary>
public interface IExpressionContext
{
    /// <summary>The answer of <c>${name}</c> as this place in the form sees it (within a repeat, the same instance's).</summary>
    XPathValue Reference(string name);

    XPathValue Current { get; }

    DateOnly Today { get; }

    /// <summary>The moment for now(): given, like <see cref="Today"/>, so that an evaluation is repeatable.</summary>
    DateTimeOffset Now { get; }

    /// <summary>A column of the choice being filtered (a bare name in a choice_filter: <c>country = ${country}</c>).</summary>
    XPathValue ChoiceColumn(string name);
}

/// <summary>A parsed expression: evaluate it as often as answers change. Immutable and thread-safe.</summary>
public abstract record Expression
{
    public abstract XPathValue Evaluate(IExpressionContext context);

    /// <summary>Every <c>${name}</c> the expression reads, for checking the names exist and for ordering calculations.</summary>
    public virtual IEnumerable<string> References() => Children.SelectMany(c => c.References());

    /// <summary>Bare names, which only a choice_filter may use (for the choices' own columns).</summary>
    public virtual IEnumerable<string> ChoiceColumns() => Children.SelectMany(c => c.ChoiceColumns());

    private protected virtual IEnumerable<Expression> Children => [];
}

internal sealed record ChoiceColumnReference(string Name) : Expression
{
    public override XPathValue Evaluate(IExpressionContext context) => context.ChoiceColumn(Name);

    public override IEnumerable<string> ChoiceColumns() => [Name];
}

internal sealed record Literal(XPathValue Value) : Expression
{
    public override XPathValue Evaluate(IExpressionContext context) => Value;
}

internal sealed record Reference(string Name) : Expression
{
    public override XPathValue Evaluate(IExpressionContext context) => context.Reference(Name);

    public override IEnumerable<string> References() => [Name];
}

internal sealed record CurrentValue : Expression
{
    public override XPathValue Evaluate(IExpressionContext context) => context.Current;
}

internal sealed record Negation(Expression Operand) : Expression
{
    private protected override IEnumerable<Expression> Children => [Operand];

    public override XPathValue Evaluate(IExpressionContext context) => XPathValue.Of(-Operand.Evaluate(context).AsNumber());
}

internal sealed record Call(string Name, IReadOnlyList<Expression> Arguments, XPathFunction Function) : Expression
{
    private protected override IEnumerable<Expression> Children => Arguments;

    public override XPathValue Evaluate(IExpressionContext context) => Function.Invoke(Arguments, context);
}

internal enum Operator
{
    Or,
    And,
    Equal,
    NotEqual,
    Less,
    LessOrEqual,
    Greater,
    GreaterOrEqual,
    Add,
    Subtract,
    Multiply,
    Divide,
    Modulo,
}

internal sealed record Binary(Operator Op, Expression Left, Expression Right) : Expression
{
    private protected override IEnumerable<Expression> Children => [Left, Right];

    public override XPathValue Evaluate(IExpressionContext context)
    {
        // "and" and "or" look at the right side only when they must, as XPath does.
        if (Op == Operator.Or)
        {
            return XPathValue.Of(Left.Evaluate(context).AsBoolean() || Right.Evaluate(context).AsBoolean());
        }

        if (Op == Operator.And)
        {
            return XPathValue.Of(Left.Evaluate(context).AsBoolean() && Right.Evaluate(context).AsBoolean());
        }

        var (left, right) = (Left.Evaluate(context), Right.Evaluate(context));
        return Op switch
        {
            Operator.Equal => XPathValue.Of(AreEqual(left, right)),
            Operator.NotEqual => XPathValue.Of(!AreEqual(left, right)),
            Operator.Less => XPathValue.Of(left.AsNumber() < right.AsNumber()),
            Operator.LessOrEqual => XPathValue.Of(left.AsNumber() <= right.AsNumber()),
            Operator.Greater => XPathValue.Of(left.AsNumber() > right.AsNumber()),
            Operator.GreaterOrEqual => XPathValue.Of(left.AsNumber() >= right.AsNumber()),
            Operator.Add => XPathValue.Of(left.AsNumber() + right.AsNumber()),
            Operator.Subtract => XPathValue.Of(left.AsNumber() - right.AsNumber()),
            Operator.Multiply => XPathValue.Of(left.AsNumber() * right.AsNumber()),
            Operator.Divide => XPathValue.Of(left.AsNumber() / right.AsNumber()),
            Operator.Modulo => XPathValue.Of(left.AsNumber() % right.AsNumber()),
            _ => throw new InvalidOperationException($"operator {Op}"),
        };
    }

    /// <summary>XPath equality: booleans compare as booleans, then numbers as numbers, else strings; a repeated answer equals a value when any instance does.</summary>
    private static bool AreEqual(XPathValue left, XPathValue right)
    {
        if (left.IsList || right.IsList)
        {
            return left.Items.Any(l => right.Items.Any(r => AreEqual(XPathValue.Of(l), XPathValue.Of(r))));
        }

        if (left.IsBoolean || right.IsBoolean)
        {
            return left.AsBoolean() == right.AsBoolean();
        }

        if (left.IsNumber || right.IsNumber)
        {
            return left.AsNumber() == right.AsNumber();
        }

        return string.Equals(left.AsString(), right.AsString(), StringComparison.Ordinal);
    }
}
